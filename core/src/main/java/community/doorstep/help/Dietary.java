package community.doorstep.help;

/** Facts about food that residents filter by; "ready to eat" matters because some residents cannot cook. */
public enum Dietary {
    VEGETARIAN, VEGAN, HALAL, KOSHER, GLUTEN_FREE,
    /** Needs no oven or hob: ready to eat, or to warm in a kettle's water. */
    READY_TO_EAT
}
