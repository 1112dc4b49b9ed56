import { client, unwrap } from "./client";

/** The business whose host this is: name, brand and booking policies (public). */
export const tenantApi = {
  config: () => unwrap(client.GET("/api/tenant/config")),
};
