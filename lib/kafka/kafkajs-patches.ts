/** Applies our two kafkajs patches once per process; every factory here calls it before creating a client. */
import { installControllerFallback } from './kafkajs-controller-fallback';
import { installNullHeaderValues } from './kafkajs-null-header';

export function applyKafkajsPatches(): void {
  installControllerFallback();
  installNullHeaderValues();
}
