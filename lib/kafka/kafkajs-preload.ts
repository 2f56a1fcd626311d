/**
 * Runs before kafkajs loads (lib/kafka/kafkajs.ts and every module importing kafkajs's internals import
 * it first): the swaps that must be in place when kafkajs's index, producer and connection modules take
 * their dependencies.
 */
import { installLinearGrouping } from './kafkajs-group-messages';
import { installRequestFraming } from './kafkajs-request-framing';

installRequestFraming();
installLinearGrouping();
