/**
 * Every endpoint of the Kafka Connect 3.9 REST API (spec §1.1 rows 1–29; the internal, signed
 * endpoints between distributed workers are not served). `/admin/*` routes are dropped when
 * admin endpoints are disabled.
 */
import * as connectors from './handlers/connectors';
import * as lifecycle from './handlers/lifecycle';
import * as loggers from './handlers/loggers';
import * as offsets from './handlers/offsets';
import * as plugins from './handlers/plugins';
import * as root from './handlers/root';
import * as tasks from './handlers/tasks';
import type { Route } from './router';

export const ADMIN_PREFIX = '/admin/';

export const routes: readonly Route[] = [
  { method: 'GET', path: '/', handler: root.serverInfo },
  { method: 'GET', path: '/health', handler: root.health },

  { method: 'GET', path: '/connectors', handler: connectors.listConnectors },
  { method: 'POST', path: '/connectors', handler: connectors.createConnector, consumesJson: true },
  { method: 'GET', path: '/connectors/{connector}', handler: connectors.getConnector },
  { method: 'DELETE', path: '/connectors/{connector}', handler: connectors.deleteConnector },
  { method: 'GET', path: '/connectors/{connector}/config', handler: connectors.getConnectorConfig },
  { method: 'PUT', path: '/connectors/{connector}/config', handler: connectors.putConnectorConfig, consumesJson: true },
  { method: 'PATCH', path: '/connectors/{connector}/config', handler: connectors.patchConnectorConfig, consumesJson: true },

  { method: 'GET', path: '/connectors/{connector}/status', handler: tasks.getConnectorStatus },
  { method: 'GET', path: '/connectors/{connector}/tasks', handler: tasks.getTasks },
  { method: 'GET', path: '/connectors/{connector}/tasks-config', handler: tasks.getTasksConfig },
  { method: 'GET', path: '/connectors/{connector}/tasks/{task}/status', handler: tasks.getTaskStatus },

  { method: 'PUT', path: '/connectors/{connector}/pause', handler: lifecycle.pauseConnector },
  { method: 'PUT', path: '/connectors/{connector}/resume', handler: lifecycle.resumeConnector },
  { method: 'PUT', path: '/connectors/{connector}/stop', handler: lifecycle.stopConnector },
  { method: 'POST', path: '/connectors/{connector}/restart', handler: lifecycle.restartConnector },
  { method: 'POST', path: '/connectors/{connector}/tasks/{task}/restart', handler: lifecycle.restartTask },
  { method: 'GET', path: '/connectors/{connector}/topics', handler: lifecycle.getConnectorTopics },
  { method: 'PUT', path: '/connectors/{connector}/topics/reset', handler: lifecycle.resetConnectorTopics },

  { method: 'GET', path: '/connectors/{connector}/offsets', handler: offsets.getOffsets },
  { method: 'PATCH', path: '/connectors/{connector}/offsets', handler: offsets.alterOffsets, consumesJson: true },
  { method: 'DELETE', path: '/connectors/{connector}/offsets', handler: offsets.resetOffsets },

  { method: 'GET', path: '/connector-plugins', handler: plugins.listPlugins },
  { method: 'GET', path: '/connector-plugins/{plugin}/config', handler: plugins.getPluginConfig },
  { method: 'PUT', path: '/connector-plugins/{plugin}/config/validate', handler: plugins.validateConfig, consumesJson: true },

  { method: 'GET', path: '/admin/loggers', handler: loggers.listLoggers },
  { method: 'GET', path: '/admin/loggers/{logger}', handler: loggers.getLogger },
  { method: 'PUT', path: '/admin/loggers/{logger}', handler: loggers.setLoggerLevel, consumesJson: true },
];
