package com.example.polymorphicpets.model;

/**
 * A bike record with 2 fields: vehicleType, wheels.
 *
 * @param vehicleType example: {@code vehicletype-1} Suggested (not enforced): notBlank, maxLength 255.
 * @param wheels example: {@code 1}
 */
public record Bike(
        @jakarta.validation.constraints.NotNull String vehicleType,
        Integer wheels
) implements VehicleResponse {
}
