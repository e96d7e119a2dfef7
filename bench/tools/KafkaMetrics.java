import com.sun.tools.attach.VirtualMachine;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads the Kafka client and Kafka Streams metrics of a running service over JMX, through the local attach
 * API, so nothing must be configured beforehand. /actuator/prometheus has them too (common/metrics/KafkaMeters),
 * but without the RocksDB gauges, which the processor turns off there:
 *   java bench/tools/KafkaMetrics.java <pid> [attribute-regex]
 * e.g. 'commit-latency-avg|process-rate|records-per-request-avg|record-queue-time-avg|batch-size-avg'.
 */
public class KafkaMetrics {
    public static void main(String[] args) throws Exception {
        Pattern wanted = Pattern.compile(args.length > 1 ? args[1]
                : "commit-latency-(avg|max)|commit-rate|process-rate|process-latency-avg|poll-latency-avg"
                + "|poll-records-avg|records-per-request-avg|record-queue-time-avg|request-latency-avg"
                + "|batch-size-avg|record-send-rate|txn-commit-time-ns-total|txn-commit-rate|fetch-latency-avg"
                + "|records-consumed-rate|fetch-size-avg|records-lag-max|io-wait-ratio|io-ratio");
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        String address = vm.startLocalManagementAgent();
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            TreeMap<String, Object> values = new TreeMap<>();
            Set<ObjectName> names = server.queryNames(new ObjectName("kafka.*:*"), null);
            for (ObjectName name : names) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    if (wanted.matcher(attribute.getName()).matches()) {
                        Object value = server.getAttribute(name, attribute.getName());
                        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                            continue;
                        }
                        values.put(name.getKeyPropertyListString() + " " + attribute.getName(), value);
                    }
                }
            }
            values.forEach((key, value) -> System.out.println(key + " = " + value));
        } finally {
            vm.detach();
        }
    }
}
