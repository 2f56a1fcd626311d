/** The version Kafka's bundled plugins report (AppInfoParser.getVersion()): the Kafka release we follow. */
export const BUNDLED_PLUGIN_VERSION = '3.9.0';
