package com.example.polymorphicpets.model;

/**
 * A car record with 2 fields: vehicleType, wheels.
 *
 * @param vehicleType example: {@code vehicletype-1}
 * @param wheels example: {@code 1}
 */
public record Car(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String vehicleType,
        Integer wheels
) implements VehicleResponse {
}
