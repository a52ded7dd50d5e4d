package community.doorstep.events;

import community.doorstep.internal.Validator;

/**
 * Where an event happens.
 *
 * @param name      the place, e.g. "St Wilfrid's Centre"
 * @param address   the street address, or {@code null}
 * @param postcode  the UK postcode, or {@code null}
 * @param latitude  WGS84 latitude, or {@code null}
 * @param longitude WGS84 longitude, or {@code null}
 */
public record Location(String name, String address, String postcode, Double latitude, Double longitude) {
    public Location {
        Validator check = new Validator();
        name = check.optionalText("location.name", name, 500);
        address = check.optionalText("location.address", address, 1000);
        postcode = check.optionalText("location.postcode", postcode, 10);
        check.that((latitude == null) == (longitude == null), "location.latitude", "pair",
                "location.latitude and location.longitude must be given together");
        check.that(latitude == null || (latitude >= -90 && latitude <= 90), "location.latitude", "range",
                "location.latitude must be between -90 and 90");
        check.that(longitude == null || (longitude >= -180 && longitude <= 180), "location.longitude", "range",
                "location.longitude must be between -180 and 180");
        check.done();
    }

    /** A place known only by the words a calendar gave for it. */
    public static Location named(String text) {
        return new Location(text, null, null, null, null);
    }
}
