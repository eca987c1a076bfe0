/**
 * Attribute extraction (R2): pure, deterministic extractors that turn a {@link
 * io.mmq.core.resource.model.Resource} into {@link io.mmq.core.attribute.model.ResourceAttributes}.
 * The entry point is {@code io.mmq.core.attribute.policy.AttributeExtractor#extract(Resource)}.
 */
package io.mmq.core.attribute;
