package org.leadline.bench.trivial;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;

/**
 * The smallest JAX-RS application: the baseline a Leadline start is compared with, deployed on the
 * same Payara Micro with the same options ({@code CoreTargets}).
 */
@ApplicationPath("/api")
public class Hello extends Application {

    @Path("hello")
    public static class Resource {
        @GET
        @Produces("text/plain")
        public String hello() {
            return "hello";
        }
    }
}
