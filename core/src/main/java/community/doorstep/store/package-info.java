/**
 * Where data are kept: {@link community.doorstep.store.Stores#inMemory()},
 * {@link community.doorstep.store.Stores#jdbc(javax.sql.DataSource)} or
 * {@link community.doorstep.store.Stores#embedded(java.nio.file.Path)}. Only the choice lives here; each feature
 * owns its store SPI and its memory and JDBC stores, beside its model.
 */
package community.doorstep.store;
