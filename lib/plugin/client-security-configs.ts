/**
 * The Kafka client keys every producer, consumer and admin client shares that matter most in
 * `*.override.*` validation: the secret (PASSWORD) SSL/SASL keys, which must render as `[hidden]`,
 * and the keys the Principal policy allows. Definitions are Kafka 3.9's (SslConfigs, SaslConfigs,
 * CommonClientConfigs). Other client keys are not defined here and appear without a definition.
 */
import { ConfigDef } from './config-def';
import { CaseInsensitiveValidString } from './validators';

const SASL_JAAS_CONFIG_DOC =
  'JAAS login context parameters for SASL connections in the format used by JAAS configuration files. ' +
  'JAAS configuration file format is described <a href="https://docs.oracle.com/javase/8/docs/technotes/guides/security/jgss/tutorials/LoginConfigFile.html">here</a>. ' +
  'The format for the value is: <code>loginModuleClass controlFlag (optionName=optionValue)*;</code>. For brokers, ' +
  'the config must be prefixed with listener prefix and SASL mechanism name in lower-case. For example, ' +
  'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=com.example.ScramLoginModule required;';
const SASL_MECHANISM_DOC = 'SASL mechanism used for client connections. This may be any mechanism for which a security provider is available. GSSAPI is the default mechanism.';
const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];

const PASSWORD_KEYS: readonly [string, string][] = [
  ['ssl.keystore.password', "The store password for the key store file. This is optional for client and only needed if 'ssl.keystore.location' is configured. Key store password is not supported for PEM format."],
  ['ssl.key.password', "The password of the private key in the key store file or the PEM key specified in 'ssl.keystore.key'."],
  ['ssl.keystore.key', "Private key in the format specified by 'ssl.keystore.type'. Default SSL engine factory supports only PEM format with PKCS#8 keys. If the key is encrypted, key password must be specified using 'ssl.key.password'"],
  ['ssl.keystore.certificate.chain', "Certificate chain in the format specified by 'ssl.keystore.type'. Default SSL engine factory supports only PEM format with a list of X.509 certificates"],
  ['ssl.truststore.certificates', "Trusted certificates in the format specified by 'ssl.truststore.type'. Default SSL engine factory supports only PEM format with X.509 certificates."],
  ['ssl.truststore.password', 'The password for the trust store file. If a password is not set, trust store file configured will still be used, but integrity checking is disabled. Trust store password is not supported for PEM format.'],
];

export function clientSecurityConfigDef(): ConfigDef {
  const def = new ConfigDef().define({
    name: 'security.protocol',
    type: 'STRING',
    defaultValue: 'PLAINTEXT',
    validator: CaseInsensitiveValidString.in(...SECURITY_PROTOCOLS),
    importance: 'MEDIUM',
    documentation: `Protocol used to communicate with brokers. Valid values are: ${SECURITY_PROTOCOLS.join(', ')}.`,
  });
  for (const [name, documentation] of PASSWORD_KEYS) def.define({ name, type: 'PASSWORD', defaultValue: null, importance: 'HIGH', documentation });
  return def
    .define({ name: 'sasl.mechanism', type: 'STRING', defaultValue: 'GSSAPI', importance: 'MEDIUM', documentation: SASL_MECHANISM_DOC })
    .define({ name: 'sasl.jaas.config', type: 'PASSWORD', defaultValue: null, importance: 'MEDIUM', documentation: SASL_JAAS_CONFIG_DOC });
}
