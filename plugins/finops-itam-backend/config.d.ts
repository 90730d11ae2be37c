export interface Config {
  /**
   * Settings of the finops-itam plugin suite. Data sources, schedules and retention are
   * added here as the cost, license and budget features land.
   */
  finopsItam?: {};
}
