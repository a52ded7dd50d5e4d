package community.doorstep.events;

/**
 * The community calendar of every site, in three parts: {@link #calendar()} for what residents see,
 * {@link #submissions()} for their suggestions, {@link #feeds()} for groups' iCal feeds. Get it from
 * {@link community.doorstep.Doorstep#events()}.
 *
 * @param calendar    window queries, one event, iCal export
 * @param submissions residents' suggestions and their moderation
 * @param feeds       groups' feeds and their import
 */
public record EventService(EventCalendar calendar, Submissions submissions, FeedImporter feeds) {
}
