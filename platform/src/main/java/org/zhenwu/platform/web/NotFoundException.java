package org.zhenwu.platform.web;

/** The addressed resource does not exist, or exists in a town the caller cannot see (never tell which). → 404 */
public class NotFoundException extends RuntimeException {
    private final String resource;
    private final Object id;

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " was not found");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public Object id() {
        return id;
    }
}
