package com.example.catalog.model;

/**
 * A bank transfer record with 1 field: iban.
 *
 * @param iban example: {@code iban-1} Suggested (not enforced): notBlank, maxLength 255.
 */
public record BankTransfer(
        @jakarta.validation.constraints.NotNull String iban
) implements CatalogPayment {
}
