package io.mmq.grpc.service;

import io.grpc.BindableService;
import java.util.List;

/** The {@code mmq.v1} service implementations, for wiring. */
public final class GrpcServices {
  /** The service names that the health service reports, with "" for the whole server. */
  public static final String CLASSIFICATION = "mmq.v1.ClassificationService";
  public static final String RECOMMENDATION = "mmq.v1.RecommendationService";

  public static final List<Class<? extends BindableService>> ALL =
      List.of(
          CatalogGrpcService.class,
          ClassificationGrpcService.class,
          ModelGrpcService.class,
          RecommendationGrpcService.class,
          TrainingGrpcService.class);

  private GrpcServices() {}
}
