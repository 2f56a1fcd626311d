/**
 * Java's `String.split` with a one-character literal separator, as Kafka splits `a:b` specs:
 * trailing empty strings are removed (`"a:"` → `["a"]`, `":"` → `[]`), but `""` gives `[""]`.
 */
export function javaSplit(text: string, separator: string): string[] {
  if (text === '') return [''];
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
