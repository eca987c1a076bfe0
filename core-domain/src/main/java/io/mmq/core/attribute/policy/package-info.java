/**
 * The R2 attribute extractors: {@link io.mmq.core.attribute.policy.AttributeExtractor} assembles
 * {@link io.mmq.core.attribute.model.ResourceAttributes} from a resource using {@link
 * io.mmq.core.attribute.policy.Tokenizer}, {@link io.mmq.core.attribute.policy.SentenceSplitter},
 * {@link io.mmq.core.attribute.policy.TextFieldsExtractor}, {@link
 * io.mmq.core.attribute.policy.ImageAttributeExtractor}, {@link
 * io.mmq.core.attribute.policy.LayoutExtractor}, {@link
 * io.mmq.core.attribute.policy.LanguageStatistics} and {@link
 * io.mmq.core.attribute.policy.TextStatistics}. Everything here is pure and deterministic: the
 * same resource always gives equal attributes, with no clock, randomness or I/O other than
 * decoding the image bytes held in memory.
 */
package io.mmq.core.attribute.policy;
