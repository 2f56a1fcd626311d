/**
 * The port through which the herder hands a restart to its executor (the restart state machine, see
 * docs/restarts.md). The herder still decides what to restart (the plan of Kafka's 202 answer); the
 * launcher runs it: mark RESTARTING, fence, restart the connector, re-enable the work, await the tasks.
 * Without a launcher the herder restarts synchronously, as Kafka's herder does in-process.
 */

export interface RestartRequest {
  connector: string;
  /** The connector's incarnation and generation when the request was planned: the execution's identity. */
  incarnation: string;
  generation: number;
  /** Restart the connector itself (start + taskConfigs). */
  restartConnector: boolean;
  /** Task ids to restart. */
  tasks: number[];
}

export interface RestartLauncher {
  /** Starts (or joins) the restart of the connector and resolves once it was handed over, not when it
   *  finished. Requests for the same connector and generation start one execution. */
  launch(request: RestartRequest): Promise<void>;
}
