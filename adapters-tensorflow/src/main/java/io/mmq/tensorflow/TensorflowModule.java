package io.mmq.tensorflow;

import com.google.inject.AbstractModule;
import io.mmq.core.classification.port.out.QualityModelLoader;
import io.mmq.core.training.port.out.ModelTrainer;

/**
 * Binds the TensorFlow adapter's ports: {@link ModelTrainer} and {@link QualityModelLoader}. The
 * injector must provide a {@link java.time.Clock}. CPU or GPU is chosen at build time (the {@code
 * gpu} Maven profile), not here.
 */
public final class TensorflowModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(ModelTrainer.class).to(TfModelTrainer.class);
    bind(QualityModelLoader.class).to(TfQualityModelLoader.class);
  }
}
