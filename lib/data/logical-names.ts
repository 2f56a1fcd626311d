/** Names of Kafka's built-in logical types (Schema.name of their schemas). */
export const DECIMAL_LOGICAL_NAME = 'org.apache.kafka.connect.data.Decimal';
export const DATE_LOGICAL_NAME = 'org.apache.kafka.connect.data.Date';
export const TIME_LOGICAL_NAME = 'org.apache.kafka.connect.data.Time';
export const TIMESTAMP_LOGICAL_NAME = 'org.apache.kafka.connect.data.Timestamp';
/** The Decimal schema parameter that holds the scale. */
export const DECIMAL_SCALE_FIELD = 'scale';
export const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;
