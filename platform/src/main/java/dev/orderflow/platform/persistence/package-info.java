/** What the services' JPA entities share: telling Spring Data whether an entity with an assigned id is new. */
@NullMarked
package dev.orderflow.platform.persistence;

import org.jspecify.annotations.NullMarked;
