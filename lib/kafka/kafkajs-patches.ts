/** Applies our kafkajs patches once per process; every factory here calls it before creating a client. */
import { installControllerFallback } from './kafkajs-controller-fallback';
import { installFastCrc32c } from './kafkajs-crc32c';
import { installNullHeaderValues } from './kafkajs-null-header';

export function applyKafkajsPatches(): void {
  installControllerFallback();
  installNullHeaderValues();
  installFastCrc32c();
}
