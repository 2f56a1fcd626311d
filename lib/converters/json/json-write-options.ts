/** How Kafka's JsonConverter serialises decimals (`decimal.format`). */
export type DecimalFormat = 'BASE64' | 'NUMERIC';

/** The JsonConverter settings that shape conversion in both directions. */
export interface JsonConversionOptions {
  readonly decimalFormat: DecimalFormat;
  readonly replaceNullWithDefault: boolean;
}
