/**
 * The store SPI: {@link community.doorstep.store.Stores} groups the per-feature store interfaces, which live
 * beside their models ({@link community.doorstep.events.EventStore}, {@link community.doorstep.site.SiteStore}).
 * Every implementation passes the same contract tests.
 */
package community.doorstep.store;
