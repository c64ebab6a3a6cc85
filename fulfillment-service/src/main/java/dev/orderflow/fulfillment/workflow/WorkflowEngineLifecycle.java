package dev.orderflow.fulfillment.workflow;

import dev.orderflow.platform.dispatch.Dispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's worker as a bean, so that it starts and stops with the application like every background worker. */
@Configuration(proxyBeanMethods = false)
class WorkflowEngineLifecycle {

    @Bean
    Dispatcher<Execution> workflowDispatcher(WorkflowEngine engine) {
        return engine.dispatcher();
    }
}
