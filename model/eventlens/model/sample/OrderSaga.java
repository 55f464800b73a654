package eventlens.model.sample;

import eventlens.model.sample.Planned.Failure;
import eventlens.model.sample.Planned.Flow;
import eventlens.model.sample.Planned.PlannedEvent;
import java.util.SplittableRandom;

/**
 * Plans every event of one order at once, with realistic latencies: the order-processing saga of the
 * seeds. {@code order.created} fans out to e-mail, analytics, inventory and fraud check; the fraud
 * check leads to {@code order.verified}, then payment, fulfilment, shipment and notification; most
 * orders are later delivered, completed and earn loyalty points (a chain ten events deep when the
 * payment needed a retry). Some orders end early: payment failed (compensated by
 * {@code inventory.released} and {@code order.cancelled}), flagged by the fraud check, or out of stock.
 */
final class OrderSaga {
    /** Share of orders whose payment fails after retries; each also yields a dead letter. */
    static final double PAYMENT_FAILED = 0.02;
    /** Share of orders flagged by the fraud check. */
    static final double FLAGGED = 0.01;
    /** Share of orders cancelled for lack of stock. */
    static final double OUT_OF_STOCK = 0.01;
    /** Chance that a side handler (e-mail, analytics, SMS) dead-letters the event it consumes. */
    static final double SIDE_HANDLER_FAILS = 0.012;

    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "USD", "GBP"};
    private static final String[] WAREHOUSES = {"WH-BER-1", "WH-HAM-2", "WH-MUC-1", "WH-AMS-3"};
    private static final String[] CARRIERS = {"DHL", "UPS", "DPD", "GLS"};
    private static final String[] CHANNELS = {"web", "web", "ios", "android"};

    private final SplittableRandom rng;
    private final LogRun run;

    OrderSaga(SplittableRandom rng, LogRun run) {
        this.rng = rng;
        this.run = run;
    }

    /** The outcome of an order, decided first so that every later choice is consistent with it. */
    enum Outcome { COMPLETED, PAYMENT_FAILED, FLAGGED, OUT_OF_STOCK }

    void plan(long orderNumber, long start) {
        String orderId = "order-" + orderNumber;
        int customer = 1 + rng.nextInt(9999);
        String customerId = "cust-" + pad4(customer);
        String currency = CURRENCIES[rng.nextInt(CURRENCIES.length)];
        double r = rng.nextDouble();
        Outcome outcome = r < PAYMENT_FAILED ? Outcome.PAYMENT_FAILED
                : r < PAYMENT_FAILED + FLAGGED ? Outcome.FLAGGED
                : r < PAYMENT_FAILED + FLAGGED + OUT_OF_STOCK ? Outcome.OUT_OF_STOCK
                : Outcome.COMPLETED;

        int itemCount = 1 + rng.nextInt(3);
        StringBuilder items = new StringBuilder("[");
        long total = 0;
        String firstSku = null;
        for (int i = 0; i < itemCount; i++) {
            String sku = "SKU-" + (1000 + rng.nextInt(1000));
            firstSku = firstSku == null ? sku : firstSku;
            int quantity = 1 + rng.nextInt(3);
            long unitPrice = 499 + rng.nextInt(12_500);
            total += quantity * unitPrice;
            items.append(i == 0 ? "{" : ",{").append("\"sku\":\"").append(sku).append("\",\"quantity\":")
                    .append(quantity).append(",\"unitPrice\":");
            JsonObjectText.appendCents(items, unitPrice);
            items.append('}');
        }
        items.append(']');

        String rootId = run.newId();
        Flow flow = new Flow(rootId, "user-" + pad4(customer), run.traceId());
        PlannedEvent created = run.event(rootId, start, "order.created", "order-service", "Order", orderId, 1,
                null, flow, new JsonObjectText().text("orderId", orderId).text("customerId", customerId)
                        .raw("items", items.toString()).cents("total", total).text("currency", currency)
                        .text("channel", CHANNELS[rng.nextInt(CHANNELS.length)]).end());

        if (rng.nextDouble() < SIDE_HANDLER_FAILS) {
            created.failures.add(smtpFailure(customerId));
        } else {
            run.event(null, start + between(150, 900), "email.confirmation.sent", "email-service", null, null, 0,
                    created, flow, new JsonObjectText().text("orderId", orderId)
                            .text("to", customerId + "@example.com").text("template", "order-confirmation").end());
        }
        if (rng.nextDouble() < SIDE_HANDLER_FAILS) {
            created.failures.add(analyticsFailure());
        } else {
            run.event(null, start + between(5, 40), "analytics.order.recorded", "analytics-service", null, null, 0,
                    created, flow, new JsonObjectText().text("orderId", orderId).cents("total", total)
                            .text("currency", currency).number("items", itemCount).end());
        }

        String warehouse = WAREHOUSES[rng.nextInt(WAREHOUSES.length)];
        String reservationId = "res-" + orderNumber;
        long stockAt = start + between(20, 200);
        if (outcome == Outcome.OUT_OF_STOCK) {
            PlannedEvent missing = run.event(null, stockAt, "inventory.out_of_stock", "inventory-service", null, null,
                    0, created, flow, new JsonObjectText().text("orderId", orderId).text("sku", firstSku)
                            .number("requested", 1 + rng.nextInt(3)).number("available", 0)
                            .text("warehouse", warehouse).end());
            run.event(null, stockAt + between(10, 60), "order.cancelled", "order-service", "Order", orderId, 2,
                    missing, flow, new JsonObjectText().text("orderId", orderId).text("status", "cancelled")
                            .text("reason", "out-of-stock").end());
        } else {
            run.event(null, stockAt, "inventory.reserved", "inventory-service", null, null, 0, created, flow,
                    new JsonObjectText().text("orderId", orderId).text("reservationId", reservationId)
                            .number("items", itemCount).text("warehouse", warehouse).end());
        }

        long fraudAt = start + between(300, 2500);
        boolean flagged = outcome == Outcome.FLAGGED;
        int score = flagged ? 86 + rng.nextInt(14) : rng.nextInt(40);
        PlannedEvent fraud = run.event(null, fraudAt, "fraud.check.completed", "fraud-service", null, null, 0,
                created, flow, new JsonObjectText().text("orderId", orderId).cents("score", score)
                        .text("result", flagged ? "flagged" : "approved").end());
        if (flagged) {
            PlannedEvent stop = run.event(null, fraudAt + between(10, 80), "order.flagged", "order-service", "Order",
                    orderId, 2, fraud, flow, new JsonObjectText().text("orderId", orderId).text("status", "flagged")
                            .text("reason", "fraud score 0." + pad2(score) + " above 0.85").end());
            run.event(null, stop.time + between(20, 150), "inventory.released", "inventory-service", null, null, 0,
                    stop, flow, new JsonObjectText().text("orderId", orderId).text("reservationId", reservationId)
                            .text("reason", "order-flagged").end());
            return;
        }
        if (outcome == Outcome.OUT_OF_STOCK) {
            return;
        }
        PlannedEvent verified = run.event(null, fraudAt + between(10, 80), "order.verified", "order-service",
                "Order", orderId, 2, fraud, flow,
                new JsonObjectText().text("orderId", orderId).text("status", "verified").end());
        paymentAndAfter(verified, flow, orderId, orderNumber, customerId, total, currency, warehouse,
                reservationId, outcome);
    }

    private void paymentAndAfter(PlannedEvent verified, Flow flow, String orderId, long orderNumber,
            String customerId, long total, String currency, String warehouse, String reservationId,
            Outcome outcome) {
        String paymentId = "pay-" + orderNumber;
        if (outcome == Outcome.PAYMENT_FAILED) {
            Failure timeout = gatewayTimeout(orderId);
            verified.failures.add(timeout);
            PlannedEvent failed = run.event(null, verified.time + timeout.afterMillis() + between(5, 50),
                    "payment.failed", "payment-service", "Payment", paymentId, 1, verified, flow,
                    new JsonObjectText().text("paymentId", paymentId).text("orderId", orderId).cents("amount", total)
                            .text("currency", currency).text("status", "failed")
                            .text("reason", "PaymentGatewayTimeout").number("attempts", 4).end());
            run.event(null, failed.time + between(20, 200), "inventory.released", "inventory-service", null, null,
                    0, failed, flow, new JsonObjectText().text("orderId", orderId)
                            .text("reservationId", reservationId).text("reason", "payment-failed").end());
            run.event(null, failed.time + between(10, 90), "order.cancelled", "order-service", "Order", orderId, 3,
                    failed, flow, new JsonObjectText().text("orderId", orderId).text("status", "cancelled")
                            .text("reason", "payment-failed").end());
            return;
        }
        PlannedEvent payCause = verified;
        long paymentVersion = 1;
        if (rng.nextInt(20) == 0) {
            payCause = run.event(null, verified.time + between(400, 1500), "payment.retry.scheduled",
                    "payment-service", "Payment", paymentId, paymentVersion++, verified, flow,
                    new JsonObjectText().text("paymentId", paymentId).text("orderId", orderId).number("attempt", 1)
                            .text("reason", "issuer unavailable").number("retryInMs", 2000).end());
        }
        PlannedEvent paid = run.event(null, payCause.time + between(400, 3000), "payment.processed",
                "payment-service", "Payment", paymentId, paymentVersion, payCause, flow,
                new JsonObjectText().text("paymentId", paymentId).text("orderId", orderId).cents("amount", total)
                        .text("currency", currency).text("method", rng.nextInt(4) == 0 ? "paypal" : "card")
                        .text("status", "captured").end());
        PlannedEvent fulfilment = run.event(null, paid.time + between(1_000, 30_000), "fulfillment.started",
                "fulfillment-service", null, null, 0, paid, flow, new JsonObjectText().text("orderId", orderId)
                        .text("warehouse", warehouse).text("picker", "picker-" + (10 + rng.nextInt(40))).end());
        String shipmentId = "shp-" + orderNumber;
        String carrier = CARRIERS[rng.nextInt(CARRIERS.length)];
        PlannedEvent shipment = run.event(null, fulfilment.time + between(10_000, 300_000), "shipment.created",
                "shipping-service", "Shipment", shipmentId, 1, fulfilment, flow,
                new JsonObjectText().text("shipmentId", shipmentId).text("orderId", orderId).text("carrier", carrier)
                        .text("trackingNumber", carrier + (100_000_000L + rng.nextInt(900_000_000)))
                        .text("status", "created").end());
        if (rng.nextDouble() < SIDE_HANDLER_FAILS) {
            shipment.failures.add(smsFailure());
        } else {
            run.event(null, shipment.time + between(100, 800), "notification.sent", "notification-service", null,
                    null, 0, shipment, flow, new JsonObjectText().text("orderId", orderId).text("channel", "sms")
                            .text("template", "order-shipped").end());
        }
        if (rng.nextInt(10) < 7) {
            PlannedEvent delivered = run.event(null, shipment.time + between(120_000, 1_200_000),
                    "shipment.delivered", "shipping-service", "Shipment", shipmentId, 2, shipment, flow,
                    new JsonObjectText().text("shipmentId", shipmentId).text("orderId", orderId)
                            .text("status", "delivered").end());
            PlannedEvent completed = run.event(null, delivered.time + between(50, 300), "order.completed",
                    "order-service", "Order", orderId, 3, delivered, flow,
                    new JsonObjectText().text("orderId", orderId).text("status", "completed").end());
            run.event(null, completed.time + between(20, 500), "loyalty.points.awarded", "loyalty-service", null,
                    null, 0, completed, flow, new JsonObjectText().text("customerId", customerId)
                            .text("orderId", orderId).number("points", total / 100).end());
        }
    }

    private Failure gatewayTimeout(String orderId) {
        String message = "PaymentGatewayTimeout: gateway did not answer within 5000 ms for order " + orderId;
        // four attempts of 5 s each, with 1 s, 2 s and 4 s of backoff between them
        return new Failure("payment-service.chargeCard", message, message
                + "\n    at chargeCard (payment-handler.js:42:11)"
                + "\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)"
                + "\n    at async EventBus.dispatch (event-bus.js:118:7)", 27_000 + between(0, 400), 3);
    }

    private Failure smtpFailure(String customerId) {
        String message = "SmtpError: 451 4.7.1 temporary rejection for " + customerId + "@example.com";
        return new Failure("email-service.sendConfirmation", message, message
                + "\n    at sendConfirmation (email-handler.js:27:15)"
                + "\n    at async EventBus.dispatch (event-bus.js:118:7)", 7_000 + between(100, 900), 3);
    }

    private Failure analyticsFailure() {
        String message = "TypeError: Cannot read properties of undefined (reading 'region')";
        return new Failure("analytics-service.recordOrder", message, message
                + "\n    at recordOrder (analytics-handler.js:61:38)"
                + "\n    at EventBus.dispatch (event-bus.js:118:7)", 7_000 + between(5, 60), 3);
    }

    private Failure smsFailure() {
        String message = "ProviderRateLimited: SMS provider answered 429, retry after " + (10 + rng.nextInt(50)) + " s";
        return new Failure("notification-service.sendSms", message, message
                + "\n    at sendSms (notification-handler.js:33:9)"
                + "\n    at async EventBus.dispatch (event-bus.js:118:7)", 7_000 + between(200, 1500), 3);
    }

    private long between(int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    private static String pad4(int n) {
        return n < 10 ? "000" + n : n < 100 ? "00" + n : n < 1000 ? "0" + n : Integer.toString(n);
    }

    private static String pad2(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
