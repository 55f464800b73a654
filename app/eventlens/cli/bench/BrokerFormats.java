package eventlens.cli.bench;

import static eventlens.cli.bench.OrderSaga.causationId;
import static eventlens.cli.bench.OrderSaga.correlationId;
import static eventlens.cli.bench.OrderSaga.data;
import static eventlens.cli.bench.OrderSaga.deadLettered;
import static eventlens.cli.bench.OrderSaga.envelope;
import static eventlens.cli.bench.OrderSaga.hex16;
import static eventlens.cli.bench.OrderSaga.id;
import static eventlens.cli.bench.OrderSaga.order;
import static eventlens.cli.bench.OrderSaga.quoted;
import static eventlens.cli.bench.OrderSaga.time;
import static eventlens.cli.bench.OrderSaga.type;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Messages as the broker readers' sources hold them, one per line, the failed payment captures
 * (see {@link OrderSaga#deadLettered}) in each broker's dead-letter shape.
 */
final class BrokerFormats {
    private static final String STACK = "com.example.payments.PaymentDeclinedException: card declined for order %s\n"
            + "\tat com.example.payments.ChargeHandler.charge(ChargeHandler.java:57)\n"
            + "\tat org.springframework.kafka.listener.KafkaMessageListenerContainer.doInvoke(KafkaMessageListenerContainer.java:2800)\n"
            + "\tat java.base/java.lang.Thread.run(Thread.java:1583)";
    private static final DateTimeFormatter NSERVICEBUS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSSSSS 'Z'").withZone(ZoneOffset.UTC);

    private BrokerFormats() {
    }

    /** AWS SQS records one per line, as a Lambda consumer logs them; dead letters read from the DLQ. */
    static GeneratedFormat sqs() {
        return GeneratedFormat.lines("sqs", "sqs-records.jsonl", "", i -> {
            boolean dead = deadLettered(i);
            long ms = time(i).toEpochMilli();
            StringBuilder b = new StringBuilder(1200).append("{\"messageId\":\"").append(OrderSaga.uuid(i))
                    .append("\",\"receiptHandle\":\"AQEB").append(hex16(~i)).append("\",\"body\":").append(quoted(envelope(i)))
                    .append(",\"attributes\":{");
            if (dead) {
                b.append("\"DeadLetterQueueSourceArn\":\"arn:aws:sqs:eu-west-1:123456789012:payments\",");
            }
            b.append("\"ApproximateReceiveCount\":\"").append(dead ? 4 : 1).append("\",\"SentTimestamp\":\"").append(ms)
                    .append("\",\"SenderId\":\"AIDAIENQZJOLO23YVJ4VO\",\"ApproximateFirstReceiveTimestamp\":\"").append(ms + 12)
                    .append("\"},\"messageAttributes\":{\"correlationId\":{\"stringValue\":\"").append(correlationId(i))
                    .append("\",\"dataType\":\"String\"}");
            if (dead) {
                b.append(",\"ErrorCode\":{\"stringValue\":\"PaymentGatewayTimeout\",\"dataType\":\"String\"},")
                        .append("\"ErrorMessage\":{\"stringValue\":\"gateway did not answer within 5000 ms for order order-")
                        .append(order(i)).append("\",\"dataType\":\"String\"}");
            }
            return b.append("},\"md5OfBody\":\"").append(hex16(i)).append(hex16(-i))
                    .append("\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:eu-west-1:123456789012:")
                    .append(dead ? "payments-dlq" : "orders-events").append("\",\"awsRegion\":\"eu-west-1\"}").toString();
        });
    }

    /** Kafka records as {@code kcat -J} writes them; dead letters on a Spring {@code .DLT} topic. */
    static GeneratedFormat kafka() {
        return GeneratedFormat.lines("kafka", "kafka-orders.jsonl", "", i -> {
            boolean dead = deadLettered(i);
            long ms = time(i).toEpochMilli();
            int partition = (int) (order(i) % 6);
            StringBuilder b = new StringBuilder(1600).append("{\"topic\":\"").append(dead ? "payments.DLT" : "orders")
                    .append("\",\"partition\":").append(dead ? 0 : partition).append(",\"offset\":").append(i)
                    .append(",\"tstype\":\"create\",\"ts\":").append(dead ? ms + 5000 : ms).append(",\"broker\":1,\"headers\":[");
            if (dead) {
                b.append("\"kafka_dlt-exception-fqcn\",\"org.springframework.kafka.listener.ListenerExecutionFailedException\",")
                        .append("\"kafka_dlt-exception-cause-fqcn\",\"com.example.payments.PaymentDeclinedException\",")
                        .append("\"kafka_dlt-exception-message\",\"Listener failed; card declined for order order-").append(order(i))
                        .append("\",\"kafka_dlt-exception-stacktrace\",").append(quoted(STACK.formatted("order-" + order(i))))
                        .append(",\"kafka_dlt-original-topic\",\"orders\",\"kafka_dlt-original-partition\",\"")
                        .append(base64(ByteBuffer.allocate(4).putInt(partition))).append("\",\"kafka_dlt-original-offset\",\"")
                        .append(base64(ByteBuffer.allocate(8).putLong(i))).append("\",\"kafka_dlt-original-timestamp\",\"")
                        .append(base64(ByteBuffer.allocate(8).putLong(ms)))
                        .append("\",\"kafka_dlt-original-consumer-group\",\"payment-service\",");
            }
            b.append("\"correlationId\",\"").append(correlationId(i)).append("\",\"eventType\",\"").append(type(i)).append('"');
            if (causationId(i) != null) {
                b.append(",\"causationId\",\"").append(causationId(i)).append('"');
            }
            return b.append("],\"key\":\"order-").append(order(i)).append("\",\"payload\":").append(quoted(envelope(i)))
                    .append('}').toString();
        });
    }

    /** RabbitMQ messages as the management API's "get messages" returns them (one array); dead letters with {@code x-death}. */
    static GeneratedFormat rabbitMq() {
        return GeneratedFormat.array("rabbitmq", "rabbitmq-messages.json", i -> {
            boolean dead = deadLettered(i);
            long seconds = time(i).getEpochSecond();
            String payload = data(i);
            StringBuilder b = new StringBuilder(1400).append("{\"payload_bytes\":").append(payload.length())
                    .append(",\"redelivered\":false,\"exchange\":\"orders\",\"routing_key\":\"").append(type(i))
                    .append("\",\"message_count\":0,\"properties\":{\"message_id\":\"").append(id(i))
                    .append("\",\"correlation_id\":\"").append(correlationId(i)).append("\",\"type\":\"").append(type(i))
                    .append("\",\"timestamp\":").append(seconds).append(",\"app_id\":\"").append(OrderSaga.source(i))
                    .append("\",\"content_type\":\"application/json\",\"delivery_mode\":2,\"headers\":{");
            if (causationId(i) != null) {
                b.append("\"causation_id\":\"").append(causationId(i)).append("\"");
            }
            if (dead) {
                b.append(",\"x-death\":[{\"count\":3,\"reason\":\"rejected\",\"queue\":\"payments\",\"time\":").append(seconds + 50)
                        .append(",\"exchange\":\"orders\",\"routing-keys\":[\"").append(type(i)).append("\"]},")
                        .append("{\"count\":3,\"reason\":\"expired\",\"queue\":\"payments-retry\",\"time\":").append(seconds + 20)
                        .append(",\"exchange\":\"orders-retry\",\"routing-keys\":[\"").append(type(i)).append("\"]}],")
                        .append("\"x-first-death-exchange\":\"orders\",\"x-first-death-queue\":\"payments\",")
                        .append("\"x-first-death-reason\":\"rejected\",\"x-exception-message\":\"card declined for order order-")
                        .append(order(i)).append("\",\"x-exception-stacktrace\":").append(quoted(STACK.formatted("order-" + order(i))));
            }
            return b.append("}},\"payload\":").append(quoted(payload)).append(",\"payload_encoding\":\"string\"}").toString();
        });
    }

    /** NServiceBus messages, one per line: a conversation per order; failed messages with their exception headers. */
    static GeneratedFormat serviceBus() {
        return GeneratedFormat.lines("servicebus", "nservicebus-messages.jsonl", "", i -> {
            String endpoint = endpoint(OrderSaga.source(i));
            StringBuilder b = new StringBuilder(1400).append("{\"Headers\":{\"NServiceBus.MessageId\":\"").append(id(i))
                    .append("\",\"NServiceBus.ConversationId\":\"").append(correlationId(i)).append('"');
            if (causationId(i) != null) {
                b.append(",\"NServiceBus.RelatedTo\":\"").append(causationId(i)).append("\",\"NServiceBus.CorrelationId\":\"")
                        .append(causationId(i)).append('"');
            }
            b.append(",\"NServiceBus.MessageIntent\":\"Publish\",\"NServiceBus.OriginatingEndpoint\":\"").append(endpoint)
                    .append("\",\"NServiceBus.OriginatingMachine\":\"shop-vm-").append(order(i) % 4)
                    .append("\",\"NServiceBus.EnclosedMessageTypes\":\"Shop.Messages.").append(OrderSaga.pascalType(i))
                    .append(", Shop.Messages, Version=1.0.0.0\",\"NServiceBus.ContentType\":\"application/json\",")
                    .append("\"NServiceBus.Version\":\"9.1.0\",\"NServiceBus.TimeSent\":\"")
                    .append(NSERVICEBUS_TIME.format(time(i))).append('"');
            if (deadLettered(i)) {
                b.append(",\"NServiceBus.ExceptionInfo.ExceptionType\":\"System.InvalidOperationException\",")
                        .append("\"NServiceBus.ExceptionInfo.Message\":\"Card declined for order order-").append(order(i))
                        .append("\",\"NServiceBus.ExceptionInfo.StackTrace\":\"System.InvalidOperationException: Card declined\\n")
                        .append("   at Billing.ChargeCustomerHandler.Handle(ChargeCustomer message) in ChargeCustomerHandler.cs:line 31\",")
                        .append("\"NServiceBus.FailedQ\":\"Billing\",\"NServiceBus.ProcessingEndpoint\":\"Billing\",")
                        .append("\"NServiceBus.Retries\":\"2\",\"NServiceBus.TimeOfFailure\":\"")
                        .append(NSERVICEBUS_TIME.format(time(i).plusSeconds(30))).append('"');
            }
            return b.append("},\"Body\":").append(quoted(data(i))).append('}').toString();
        });
    }

    private static String endpoint(String service) {
        String name = service.substring(0, service.indexOf('-'));
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String base64(ByteBuffer bytes) {
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
