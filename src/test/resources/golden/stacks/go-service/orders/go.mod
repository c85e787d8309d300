module com.acme.orders/orders-service

go 1.22
