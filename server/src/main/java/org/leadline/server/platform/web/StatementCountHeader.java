package org.leadline.server.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.leadline.server.platform.persistence.StatementCount;

/**
 * With statement counting on ({@value StatementCount#SETTING}), tells in each API response how many
 * SQL statements the request sent, authentication included: the statement budgets are tested
 * through this header.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class StatementCountHeader implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (StatementCount.enabled()) {
            response.getHeaders().putSingle(StatementCount.HEADER, StatementCount.current());
        }
    }
}
