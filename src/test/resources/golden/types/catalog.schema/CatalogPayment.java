package com.example.catalog.model;

/**
 * A catalog payment: one of several object types.
 *
 * <p>One of {@link Card}, {@link BankTransfer}
 * (a {@code oneOf}/{@code anyOf} of objects in the spec).
 * Jackson picks the record from the properties present ({@code DEDUCTION}).
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.DEDUCTION)
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(Card.class),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(BankTransfer.class)
})
public sealed interface CatalogPayment permits Card, BankTransfer {
}
