package com.example.catalog.model;

/**
 * A bank transfer record with 1 field: iban.
 *
 * @param iban example: {@code iban-1}
 */
public record BankTransfer(
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 255) String iban
) implements CatalogPayment {
}
