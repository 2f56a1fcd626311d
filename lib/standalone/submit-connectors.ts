/**
 * Creates or updates the connectors from the command line's config files, one after the other, through
 * the running REST API (`PUT /connectors/<name>/config`), as connect-standalone does at start-up.
 * The first rejection stops the submission with the REST API's own message.
 */
import type { ConnectorConfigFile } from './config-files';
import { StandaloneError } from './errors';

export interface SubmittedConnector {
  name: string;
  file: string;
  created: boolean;
}

export async function submitConnectorConfigs(
  baseUrl: string,
  files: ConnectorConfigFile[],
  onSubmitted: (result: SubmittedConnector) => void = () => undefined,
): Promise<SubmittedConnector[]> {
  const results: SubmittedConnector[] = [];
  for (const { file, name, config } of files) {
    const response = await fetch(`${baseUrl}/connectors/${encodeURIComponent(name)}/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(config),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new StandaloneError('CONNECTOR_REJECTED', `${file}: connector '${name}' was rejected (HTTP ${response.status}): ${errorMessage(text)}`);
    }
    const result = { name, file, created: response.status === 201 };
    results.push(result);
    onSubmitted(result);
  }
  return results;
}

/** Connect's `{error_code, message}` body, or the raw text when it is something else. */
function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  return text.trim() === '' ? '(empty response)' : text.trim();
}
