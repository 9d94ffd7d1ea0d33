package io.kontor.process.map;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.security.Roles;
import io.kontor.process.monitor.ProcessDefinition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The process maps, drawn from the code's event catalogue: Mermaid to read, BPMN 2.0 to import into a modeller. */
@Path("/maps")
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
public class MapResource {

    private static final Catalogue CATALOGUE = Catalogue.load();

    public record MapView(String process, String title, String mermaid, String bpmn) {}

    @GET
    public List<MapView> listMaps() {
        return ProcessDefinition.ALL.stream()
                .map(p -> new MapView(
                        p.name(),
                        p.title(),
                        "/api/v1/processes/maps/" + p.name() + "/mermaid",
                        "/api/v1/processes/maps/" + p.name() + "/bpmn"))
                .toList();
    }

    @GET
    @Path("/{process}/mermaid")
    @Produces(MediaType.TEXT_PLAIN)
    public Response getMermaid(@PathParam("process") String process) {
        return Response.ok(ProcessMaps.mermaid(definition(process), CATALOGUE), "text/plain; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + process + ".mmd\"")
                .build();
    }

    @GET
    @Path("/{process}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    public Response getBpmn(@PathParam("process") String process) {
        return Response.ok(ProcessMaps.bpmn(definition(process), CATALOGUE), "application/xml; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + process + ".bpmn\"")
                .build();
    }

    private static ProcessDefinition definition(String name) {
        ProcessDefinition process = Found.or404(ProcessDefinition.named(name), "process", name);
        return process;
    }
}
