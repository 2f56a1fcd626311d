/**
 * The Kafka release whose Connect behaviour we follow: the version Kafka's bundled plugins report
 * (AppInfoParser.getVersion()) and the one `GET /` reports as the REST API level.
 */
export const BUNDLED_PLUGIN_VERSION = '3.9.0';
