import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import type { ConfigInfos } from '#lib/herder/types';
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { configErrorsMessage, ensureIncludedConnectorTypeMatches, validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import { ConfigDef } from '#lib/plugin/config-def';
import { FILTER, fakeConnector, filterTransformation } from './fake-plugins';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

/** The built-in connectors plus a fake Filter, so these checks do not depend on the real transforms. */
function registry() {
  return registerBuiltinConnectors(new PluginRegistry()).register(filterTransformation);
}

function entry(infos: ConfigInfos, name: string) {
  const found = infos.configs.find((c) => c.value.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found;
}

function errorsOf(infos: ConfigInfos): string[] {
  return infos.configs.flatMap((c) => c.value.errors);
}

describe('validateConnectorConfig (conformance checks #9–#22)', () => {
  it('#9 accepts a valid sink, names the result after the class as supplied and lists the framework groups', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1' });
    expect([infos.name, infos.error_count, infos.groups]).toEqual([SINK, 0, ['Common', 'Transforms', 'Predicates', 'Error Handling', 'Restarts']]);
  });

  it('#9 uses the alias as the name when the alias was supplied', async () => {
    expect((await validateConnectorConfig(registry(), { 'connector.class': 'FileStreamSink', name: 'v', topics: 't1' })).name).toBe('FileStreamSink');
  });

  it('#10 reports tasks.max=0 on the tasks.max entry', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'tasks.max': '0' });
    expect([infos.error_count, entry(infos, 'tasks.max').value.errors]).toEqual([1, ['Invalid value 0 for configuration tasks.max: Value must be at least 1']]);
  });

  it('#11 reports a sink with neither topics nor topics.regex on both entries', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v' });
    expect(infos.error_count).toBe(2);
    expect([entry(infos, 'topics').value.errors, entry(infos, 'topics.regex').value.errors]).toEqual([['Must configure one of topics or topics.regex'], ['Must configure one of topics or topics.regex']]);
  });

  it('#12 reports topics and topics.regex together on both entries', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'topics.regex': 't.*' });
    const message = 'topics and topics.regex are mutually exclusive options, but both are set.';
    expect([infos.error_count, entry(infos, 'topics').value.errors, entry(infos, 'topics.regex').value.errors]).toEqual([2, [message], [message]]);
  });

  it('#13 reports a DLQ topic that is also consumed, on topics', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'errors.deadletterqueue.topic.name': 't1' });
    expect([infos.error_count, entry(infos, 'topics').value.errors]).toEqual([1, ["The DLQ topic 't1' may not be included in the list of topics ('topics=[t1]') consumed by the connector"]]);
  });

  it('#13 reports a DLQ topic matched by topics.regex, on topics.regex', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', 'topics.regex': 't.*', 'errors.deadletterqueue.topic.name': 'tdlq' });
    expect(entry(infos, 'topics.regex').value.errors).toEqual(["The DLQ topic 'tdlq' may not be matched by the regex for the topics ('topics.regex=t.*') consumed by the connector"]);
  });

  it('#14 reports an errors.tolerance outside none and all', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'errors.tolerance': 'sometimes' });
    expect(entry(infos, 'errors.tolerance').value.errors).toEqual(['Invalid value sometimes for configuration errors.tolerance: String must be one of: none, all']);
  });

  it('#15 reports a missing name', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, topics: 't1' });
    expect(entry(infos, 'name').value.errors).toEqual(['Missing required configuration "name" which has no default value.']);
  });

  it('#16 reports control characters in the name by code point', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'a\u0007b', topics: 't1' });
    expect(entry(infos, 'name').value.errors[0]).toMatch(/had the following ASCII chars: 7$/);
  });

  it('#17 reports a duplicate transform alias once', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', transforms: 't,t', 'transforms.t.type': FILTER });
    expect([infos.error_count, errorsOf(infos)]).toEqual([1, ['Invalid value [t, t] for configuration transforms: Duplicate alias provided.']]);
  });

  it('#18 reports a transform class that does not exist', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', transforms: 't', 'transforms.t.type': 'NoSuchClass' });
    expect([infos.error_count, errorsOf(infos)]).toEqual([1, ['Invalid value NoSuchClass for configuration transforms.t.type: Class NoSuchClass could not be found.']]);
  });

  it('#19 reports a key converter class that does not exist', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'key.converter': 'NoSuchClass' });
    expect([infos.error_count, entry(infos, 'key.converter').value.errors]).toEqual([1, ['Invalid value NoSuchClass for configuration key.converter: Class NoSuchClass could not be found.']]);
  });

  it('#20 types a producer override by the client definition and hides a PASSWORD value', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': 'FileStreamSource', name: 's', topic: 't1', 'producer.override.sasl.jaas.config': 'secret' });
    const jaas = entry(infos, 'producer.override.sasl.jaas.config');
    expect([jaas.definition?.type, jaas.definition?.name, jaas.value.value, infos.error_count]).toEqual(['PASSWORD', 'producer.override.sasl.jaas.config', '[hidden]', 0]);
  });

  it('#21 rejects a validate request whose body names another connector type', () => {
    expect(() => ensureIncludedConnectorTypeMatches('FileStreamSource', { 'connector.class': 'FileStreamSink' })).toThrow(
      new BadRequestError('Included connector type FileStreamSink does not match request type FileStreamSource'),
    );
  });

  it('#21 accepts the full class name for an alias path and a body without connector.class', () => {
    expect(() => ensureIncludedConnectorTypeMatches('FileStreamSinkConnector', { 'connector.class': SINK })).not.toThrow();
    expect(() => ensureIncludedConnectorTypeMatches('Anything', {})).not.toThrow();
  });

  it('#22 rejects a body without connector.class, quoting it as a Java map', async () => {
    await expect(validateConnectorConfig(registry(), { name: 'v', topics: 't1' })).rejects.toThrow(new BadRequestError('Connector config {name=v, topics=t1} contains no connector type'));
  });

  it('rejects an unknown connector class with a 400 carrying Kafka\'s message', async () => {
    const failure = validateConnectorConfig(registry(), { 'connector.class': 'NoSuchConnector' });
    await expect(failure).rejects.toBeInstanceOf(BadRequestError);
    await expect(failure).rejects.toThrow(/^Failed to find any class that implements Connector and which name matches NoSuchConnector, available connectors are: /);
  });
});

describe('validateConnectorConfig result shape', () => {
  it('puts null-valued keys first with a null definition and counts their errors', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', foo: null });
    expect(infos.configs[0]).toEqual({ definition: null, value: { name: 'foo', value: null, recommended_values: [], errors: ['Null value can not be supplied as the configuration value.'], visible: true } });
    expect(infos.error_count).toBe(1);
  });

  it('reports a null value of a framework key on that key', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'errors.tolerance': null });
    expect(entry(infos, 'errors.tolerance').value.errors).toContain('Null value can not be supplied as the configuration value.');
  });

  it('renders the name definition exactly as Kafka does', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'my-sink', topics: 't1' });
    expect(entry(infos, 'name')).toEqual({
      definition: { name: 'name', type: 'STRING', required: true, default_value: null, importance: 'HIGH', documentation: 'Globally unique name to use for this connector.', group: 'Common', width: 'MEDIUM', display_name: 'Connector name', dependents: [], order: 1 },
      value: { name: 'name', value: 'my-sink', recommended_values: [], errors: [], visible: true },
    });
  });

  it('lists framework keys in definition order, then the connector\'s keys', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1' });
    expect(infos.configs.map((c) => c.value.name)).toEqual([
      'name', 'connector.class', 'tasks.max', 'tasks.max.enforce', 'key.converter', 'value.converter', 'header.converter', 'transforms', 'predicates', 'config.action.reload',
      'errors.retry.timeout', 'errors.retry.delay.max.ms', 'errors.tolerance', 'errors.log.enable', 'errors.log.include.messages',
      'topics', 'topics.regex', 'errors.deadletterqueue.topic.name', 'errors.deadletterqueue.topic.replication.factor', 'errors.deadletterqueue.context.headers.enable',
      'restart.policy', 'restart.max.attempts', 'restart.backoff.initial.ms', 'restart.backoff.max.ms',
      'file',
    ]);
  });

  it('adds the source groups for a source connector', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': 'FileStreamSource', name: 's', topic: 't1' });
    expect(infos.groups).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling', 'Topic Creation', 'Exactly Once Support', 'offsets.topic', 'Restarts']);
  });

  it('reports the connector\'s own missing key', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': 'FileStreamSource', name: 's' });
    expect([infos.error_count, entry(infos, 'topic').value.errors]).toEqual([1, ['Missing required configuration "topic" which has no default value.']]);
  });

  it('reports both messages for an unparseable tasks.max', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'tasks.max': 'abc' });
    expect([infos.error_count, entry(infos, 'tasks.max').value.errors]).toEqual([2, ['Invalid value abc for configuration tasks.max: Not a number of type INT', 'Invalid value null for configuration tasks.max: Value must be non-null']]);
  });

  it('reports exactly.once.support values in Kafka\'s HashSet order', async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': 'FileStreamSource', name: 's', topic: 't', 'exactly.once.support': 'maybe' });
    expect(entry(infos, 'exactly.once.support').value.errors).toEqual(['Invalid value maybe for configuration exactly.once.support: String must be one of (case insensitive): REQUIRED, REQUESTED']);
  });

  it('uses the connector\'s validate() for its own keys when it has one', async () => {
    const checked = fakeConnector('com.x.CheckedSinkConnector', 'sink', {
      config: () => new ConfigDef().define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH' }),
      validate: (props) => [{ name: 'file', value: props['file'] ?? null, recommendedValues: [], errorMessages: ['file is read-only'], visible: true }],
    });
    const infos = await validateConnectorConfig(registry().register(checked), { 'connector.class': 'CheckedSink', name: 'v', topics: 't1' });
    expect([infos.error_count, entry(infos, 'file').value.errors]).toEqual([1, ['file is read-only']]);
  });

  it('lets the connector\'s definition of a framework key replace it in place', async () => {
    const overriding = fakeConnector('com.x.TopicsSinkConnector', 'sink', { config: () => new ConfigDef().define({ name: 'topics', type: 'LIST', importance: 'HIGH', documentation: 'mine' }) });
    const infos = await validateConnectorConfig(registry().register(overriding), { 'connector.class': 'TopicsSink', name: 'v', topics: 't1' });
    expect([entry(infos, 'topics').definition?.documentation, infos.configs.findIndex((c) => c.value.name === 'topics'), infos.configs.length]).toEqual(['mine', 15, 24]);
  });
});

describe('configErrorsMessage', () => {
  it("builds Kafka's 400 message listing every error", async () => {
    const infos = await validateConnectorConfig(registry(), { 'connector.class': SINK, name: 'v', topics: 't1', 'tasks.max': '0' });
    expect(configErrorsMessage(infos)).toBe(
      'Connector configuration is invalid and contains the following 1 error(s):\n' +
        'Invalid value 0 for configuration tasks.max: Value must be at least 1\n' +
        'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    );
  });
});
