/**
 * Due work on db-scheduler: every feature's deadlines and sweeps are rows in one table, each run by exactly one
 * node, taken over from a node that stops sending heartbeats. {@link community.doorstep.schedule.DueWork} is
 * started and stopped by {@link community.doorstep.Doorstep}; a host with its own scheduler calls
 * {@link community.doorstep.Doorstep#runDueWork()} instead.
 */
package community.doorstep.schedule;
