/** What the services' JPA entities share: telling Spring Data whether an entity with an assigned id is new. */
package dev.orderflow.platform.persistence;
