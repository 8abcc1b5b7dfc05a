package io.citykpi.shared.event;

/** A Kafka record that cannot be read as a CityKPI CloudEvent; the message is the reason. */
public class InvalidCloudEventException extends RuntimeException {

    public InvalidCloudEventException(String reason) {
        super(reason);
    }
}
