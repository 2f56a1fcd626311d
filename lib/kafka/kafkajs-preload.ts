/**
 * Runs before kafkajs's index loads (lib/kafka/kafkajs.ts imports it first): the swaps that must be
 * in place when kafkajs's producer modules take their dependencies.
 */
import { installLinearGrouping } from './kafkajs-group-messages';

installLinearGrouping();
