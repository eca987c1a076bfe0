package io.mmq.grpc.server;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.grpc.BindableService;
import io.mmq.grpc.service.GrpcServices;

/**
 * Binds the {@code mmq.v1} services into a {@code Set<BindableService>} for {@link GrpcServer}.
 * The use cases they call are bound elsewhere (the app's core module).
 */
public final class GrpcModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder<BindableService> services = Multibinder.newSetBinder(binder(), BindableService.class);
    for (Class<? extends BindableService> service : GrpcServices.ALL) {
      services.addBinding().to(service);
    }
  }
}
