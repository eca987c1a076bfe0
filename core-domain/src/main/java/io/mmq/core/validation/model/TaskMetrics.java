package io.mmq.core.validation.model;

/**
 * How well a model predicts one task on a labelled set: ROC AUC, accuracy at 0.5, number of
 * labelled resources, share of positive labels, mean log-loss and expected calibration error.
 * AUC is NaN when the set holds only one class.
 */
public record TaskMetrics(
    double auc,
    double accuracy,
    long labelled,
    double positiveRate,
    double logLoss,
    double calibrationError) {}
