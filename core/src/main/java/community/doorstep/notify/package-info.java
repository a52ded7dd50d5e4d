/**
 * Notifications: the one-method {@link community.doorstep.notify.Notifier} SPI, the
 * {@link community.doorstep.notify.Message} it delivers, and its two ready channels, email through an SMTP
 * server ({@link community.doorstep.notify.Notifier#email Notifier.email}) and JSON webhooks signed as the
 * Standard Webhooks specification describes ({@link community.doorstep.notify.Notifier#webhooks
 * Notifier.webhooks}), joined by {@link community.doorstep.notify.Notifier#byChannel Notifier.byChannel}.
 * Services never send directly: a message is written to the outbox in the transaction of the change that causes
 * it and delivered from there by due work, retried after a {@link community.doorstep.notify.DeliveryException}
 * that may pass, always with the same id, so a receiver drops the repeats a retry can make.
 */
package community.doorstep.notify;
