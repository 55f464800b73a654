package eventlens.cli.bench;

import java.time.Instant;

/**
 * The order saga every generated file tells, one event per index: an order is created, its payment
 * requested and captured, stock reserved, a shipment created and the order completed. Event
 * {@code i} is step {@code i % 6} of order {@code i / 6}; the saga's first event is its correlation,
 * the previous step its causation. Everything is computed from the index, so a file of any size is
 * written without holding anything and reads the same on every run.
 */
public final class OrderSaga {
    /** Steps in one saga. */
    public static final int STEPS = 6;
    /** The time of the first order. */
    public static final Instant START = Instant.parse("2024-01-15T08:00:00Z");

    private static final String[] TYPES = {"order.created", "payment.requested", "payment.captured",
        "inventory.reserved", "shipment.created", "order.completed"};
    private static final String[] AGGREGATE_TYPES = {"Order", "Payment", "Payment", "Inventory", "Shipment", "Order"};
    private static final String[] AGGREGATE_PREFIXES = {"order-", "pay-", "pay-", "res-", "shp-", "order-"};
    private static final String[] SOURCES = {"order-service", "order-service", "payment-service",
        "inventory-service", "shipping-service", "order-service"};
    private static final long[] VERSIONS = {1, 1, 2, 1, 1, 2};
    private static final String[] PRODUCTS = {"Tamper 58 mm", "Milk jug 600 ml", "Burr grinder", "Scale 0.1 g",
        "Knock box", "Portafilter 58 mm", "Descaler 1 l", "Cleaning tablets"};
    private static final String[] CITIES = {"Hamburg", "Lyon", "Leeds", "Porto", "Graz", "Utrecht"};
    private static final String[] COUNTRIES = {"DE", "FR", "GB", "PT", "AT", "NL"};

    private OrderSaga() {
    }

    public static long order(long i) {
        return 1001 + i / STEPS;
    }

    public static int step(long i) {
        return (int) (i % STEPS);
    }

    /** A unique id: the index through a 64-bit bijection, as hex. */
    public static String id(long i) {
        return "evt-" + hex16(i);
    }

    /** 16 hex digits, distinct for every index. */
    public static String hex16(long i) {
        String h = Long.toHexString((i + 1) * 0x9E3779B97F4A7C15L);
        return "0".repeat(16 - h.length()) + h;
    }

    public static String type(long i) {
        return TYPES[step(i)];
    }

    public static String aggregateType(long i) {
        return AGGREGATE_TYPES[step(i)];
    }

    public static String aggregateId(long i) {
        return AGGREGATE_PREFIXES[step(i)] + order(i);
    }

    public static long version(long i) {
        return VERSIONS[step(i)];
    }

    public static String source(long i) {
        return SOURCES[step(i)];
    }

    /** The id of the saga's first event. */
    public static String correlationId(long i) {
        return id(i - step(i));
    }

    /** The id of the previous step, null for the first. */
    public static String causationId(long i) {
        return step(i) == 0 ? null : id(i - 1);
    }

    /** Orders three seconds apart, steps a quarter of a second apart. */
    public static Instant time(long i) {
        return START.plusMillis((order(i) - 1001) * 3000 + step(i) * 250L + i % 7);
    }

    public static String customer(long i) {
        return "cust-" + (order(i) * 37 % 5000);
    }

    /** Cents, so that totals print exactly. */
    public static long totalCents(long i) {
        long o = order(i);
        long cents = 0;
        for (int k = 0; k < items(o); k++) {
            cents += unitCents(o, k) * quantity(o, k);
        }
        return cents;
    }

    /** The step's data as one line of JSON. */
    public static String data(long i) {
        long o = order(i);
        StringBuilder b = new StringBuilder(400).append("{\"orderId\":\"order-").append(o).append('"');
        switch (step(i)) {
            case 0 -> {
                b.append(",\"customerId\":\"").append(customer(i)).append("\",\"items\":[");
                for (int k = 0; k < items(o); k++) {
                    int product = (int) ((o * 7 + k * 3) % PRODUCTS.length);
                    b.append(k > 0 ? "," : "").append("{\"sku\":\"SKU-").append(1000 + product).append("\",\"name\":\"")
                            .append(PRODUCTS[product]).append("\",\"quantity\":").append(quantity(o, k))
                            .append(",\"unitPrice\":").append(money(unitCents(o, k))).append('}');
                }
                int city = (int) (o % CITIES.length);
                b.append("],\"total\":").append(money(totalCents(i))).append(",\"currency\":\"EUR\",\"shippingAddress\":{\"city\":\"")
                        .append(CITIES[city]).append("\",\"country\":\"").append(COUNTRIES[city]).append("\"},\"status\":\"created\"");
            }
            case 1 -> b.append(",\"paymentId\":\"pay-").append(o).append("\",\"amount\":").append(money(totalCents(i)))
                    .append(",\"currency\":\"EUR\",\"method\":\"card\"");
            case 2 -> b.append(",\"paymentId\":\"pay-").append(o).append("\",\"amount\":").append(money(totalCents(i)))
                    .append(",\"pspReference\":\"psp-").append(hex16(i), 0, 10).append("\"");
            case 3 -> b.append(",\"reservationId\":\"res-").append(o).append("\",\"warehouse\":\"wh-")
                    .append(o % 3 + 1).append("\",\"lines\":").append(items(o));
            case 4 -> b.append(",\"shipmentId\":\"shp-").append(o).append("\",\"carrier\":\"")
                    .append(o % 2 == 0 ? "DHL" : "UPS").append("\",\"trackingNumber\":\"TRK").append(o * 7919).append('"');
            default -> b.append(",\"status\":\"completed\",\"total\":").append(money(totalCents(i)));
        }
        return b.append('}').toString();
    }

    private static int items(long order) {
        return (int) (order % 3) + 1;
    }

    private static long unitCents(long order, int k) {
        return 990 + (order * 131 + k * 977) % 20000;
    }

    private static long quantity(long order, int k) {
        return (order + k) % 4 + 1;
    }

    private static String money(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    /** The event as a JSON envelope on one line, as a service would publish it. */
    public static String envelope(long i) {
        StringBuilder b = new StringBuilder(600).append("{\"id\":\"").append(id(i)).append("\",\"type\":\"").append(type(i))
                .append("\",\"timestamp\":\"").append(time(i)).append("\",\"source\":\"").append(source(i))
                .append("\",\"aggregateType\":\"").append(aggregateType(i)).append("\",\"aggregateId\":\"")
                .append(aggregateId(i)).append("\",\"version\":").append(version(i)).append(",\"data\":").append(data(i))
                .append(",\"metadata\":{\"correlationId\":\"").append(correlationId(i)).append('"');
        if (causationId(i) != null) {
            b.append(",\"causationId\":\"").append(causationId(i)).append('"');
        }
        return b.append(",\"traceId\":\"").append(hex16(order(i))).append(hex16(-order(i))).append("\"}}").toString();
    }

    /** The type in PascalCase ({@code order.created} → {@code OrderCreated}), as .NET and event stores name them. */
    public static String pascalType(long i) {
        StringBuilder b = new StringBuilder();
        for (String part : type(i).split("\\.")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
        }
        return b.toString();
    }

    /** Whether record {@code i} failed and was dead-lettered: the payment capture of every 25th order. */
    public static boolean deadLettered(long i) {
        return step(i) == 2 && order(i) % 25 == 0;
    }

    /** A UUID-shaped id, distinct for every index (for formats whose ids are UUIDs). */
    public static String uuid(long i) {
        String h = hex16(i) + hex16(~i);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-8" + h.substring(17, 20) + "-"
                + h.substring(20, 32);
    }

    /** The saga's trace id, 32 hex digits. */
    public static String traceId(long i) {
        return hex16(order(i)) + hex16(~order(i));
    }

    /** Writes the records saga by saga: {@code saga} gets the first index and the count (6, fewer at the end). */
    public static void writeSagas(java.io.Writer out, long records, SagaWriter saga) throws java.io.IOException {
        for (long first = 0; first < records; first += STEPS) {
            out.write(saga.line(first, (int) Math.min(STEPS, records - first)));
            out.write('\n');
        }
    }

    /** One line holding a whole saga (a trace, a feed page). */
    @FunctionalInterface
    public interface SagaWriter {
        String line(long first, int count);
    }

    /** A JSON string literal of {@code text}. */
    public static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
