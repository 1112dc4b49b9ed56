import { Link } from "react-router";
import { EmptyState } from "../ui/feedback";

export function NotFound() {
  return <EmptyState icon="search" title="Page not found" action={<Link to="/" className="btn-primary">Go home</Link>}>The page you're looking for doesn't exist or has moved.</EmptyState>;
}
