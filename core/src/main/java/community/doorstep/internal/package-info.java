/**
 * Helpers shared by Doorstep's own packages. Not part of the API: may change without notice.
 */
package community.doorstep.internal;
