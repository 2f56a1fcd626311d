import { describe, expect, it } from 'vitest';
import { fileStreamSinkDescriptor, fileStreamSourceDescriptor } from '#lib/connectors/index';
import { ConnectorClassError } from '#lib/plugin/plugin-errors';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { FILTER, fakeConnector, filterTransformation, hasHeaderKeyPredicate, jsonConverter, jsonHeaderConverter, stringConverter } from './fake-plugins';

const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';
const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';

function fullRegistry(): PluginRegistry {
  return new PluginRegistry().register(jsonHeaderConverter, stringConverter, jsonConverter, hasHeaderKeyPredicate, filterTransformation, fileStreamSourceDescriptor, fileStreamSinkDescriptor);
}

describe('PluginRegistry.list', () => {
  it("lists plugins in Kafka's order: sink, source, transformation, predicate, converter, header_converter", () => {
    expect(fullRegistry().list().map((p) => `${p.type} ${p.class}`)).toEqual([
      `sink ${SINK}`,
      `source ${SOURCE}`,
      `transformation ${FILTER}`,
      'predicate org.apache.kafka.connect.transforms.predicates.HasHeaderKey',
      'converter org.apache.kafka.connect.json.JsonConverter',
      'converter org.apache.kafka.connect.storage.StringConverter',
      'header_converter org.apache.kafka.connect.json.JsonConverter',
    ]);
  });

  it('lists only the requested types', () => {
    expect(fullRegistry().list(['sink', 'source']).map((p) => p.type)).toEqual(['sink', 'source']);
  });

  it('omits the version of a plugin that has none', () => {
    const registry = new PluginRegistry().register({ ...filterTransformation, version: undefined }, { ...hasHeaderKeyPredicate, version: 'undefined' });
    expect(registry.list()).toEqual([{ class: FILTER, type: 'transformation' }, { class: 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey', type: 'predicate' }]);
  });

  it('includes the version when there is one', () => {
    expect(fullRegistry().list(['sink'])).toEqual([{ class: SINK, type: 'sink', version: '3.9.0' }]);
  });

  it('refuses to register the same class twice as the same type', () => {
    expect(() => new PluginRegistry().register(jsonConverter, jsonConverter)).toThrow(`Plugin ${jsonConverter.className} is already registered as converter`);
  });
});

describe('PluginRegistry.connector', () => {
  it.each([SINK, 'FileStreamSinkConnector', 'FileStreamSink'])('finds the sink connector by %s', (name) => {
    expect(fullRegistry().connector(name).className).toBe(SINK);
  });

  it('does not trim the class name', () => {
    expect(() => fullRegistry().connector(' FileStreamSink')).toThrow(ConnectorClassError);
  });

  it('names the available connectors when nothing matches', () => {
    expect(() => fullRegistry().connector('NoSuchConnector')).toThrow(
      'Failed to find any class that implements Connector and which name matches NoSuchConnector, available connectors are: ' +
        `PluginDesc{klass=class ${SINK}, name='${SINK}', version='3.9.0', encodedVersion=3.9.0, type=sink, typeName='sink', location='classpath'}, ` +
        `PluginDesc{klass=class ${SOURCE}, name='${SOURCE}', version='3.9.0', encodedVersion=3.9.0, type=source, typeName='source', location='classpath'}`,
    );
  });

  it('does not accept a non-connector plugin as connector class', () => {
    expect(() => fullRegistry().connector('Filter')).toThrow('Failed to find any class that implements Connector and which name matches Filter');
  });

  it('reports an alias shared by two connectors', () => {
    const registry = new PluginRegistry().register(fakeConnector('com.a.DupConnector', 'sink'), fakeConnector('com.b.DupConnector', 'source'));
    expect(() => registry.connector('Dup')).toThrow('More than one connector matches alias Dup. Please use full package and class name instead. Classes found: PluginDesc{klass=class com.a.DupConnector');
  });

  it('still finds each of two same-named connectors by full class name', () => {
    const registry = new PluginRegistry().register(fakeConnector('com.a.DupConnector', 'sink'), fakeConnector('com.b.DupConnector', 'source'));
    expect(registry.connector('com.b.DupConnector').type).toBe('source');
  });

  it('finds a connector by a declared extra alias', () => {
    const registry = new PluginRegistry().register({ ...fakeConnector('com.x.Thing', 'sink'), aliases: ['thing'] });
    expect(registry.connector('thing').className).toBe('com.x.Thing');
  });
});

describe('PluginRegistry lookups of other plugins', () => {
  it('resolves a converter alias without its type suffix', () => {
    expect(fullRegistry().resolveClass('Json')).toBe('org.apache.kafka.connect.json.JsonConverter');
  });

  it('resolves nothing for an unknown name', () => {
    expect(fullRegistry().resolveClass('NoSuchClass')).toBeUndefined();
  });

  it('finds every registration of a class in instanceof order', () => {
    expect(fullRegistry().find('JsonConverter').map((d) => d.type)).toEqual(['converter', 'header_converter']);
  });

  it('finds a registration of a given type', () => {
    expect(fullRegistry().findOfType(FILTER, 'transformation')?.className).toBe(FILTER);
    expect(fullRegistry().findOfType(FILTER, 'predicate')).toBeUndefined();
  });

  it('ignores an alias that names two classes', () => {
    const registry = new PluginRegistry().register(filterTransformation, { ...hasHeaderKeyPredicate, className: 'com.other.Filter' });
    expect(registry.resolveClass('Filter')).toBeUndefined();
  });
});
