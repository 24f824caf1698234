import { useEffect } from "react";
import { useRefreshWhenJobsFinish } from "./api/queries";
import { Header } from "./components/Header";
import { EmptyState } from "./components/States";
import { DeletionsPage } from "./pages/Deletions/DeletionsPage";
import { ItemDetailPage } from "./pages/ItemDetail/ItemDetailPage";
import { JobsPage } from "./pages/Jobs/JobsPage";
import { LeavingSoonPage } from "./pages/LeavingSoon/LeavingSoonPage";
import { RulesPage } from "./pages/Rules/RulesPage";
import { ServicesPage } from "./pages/Services/ServicesPage";
import { Link, useRoute, type Route } from "./router";

const titles: Record<Route["page"], string> = {
  "leaving-soon": "Leaving soon",
  item: "Item",
  jobs: "Jobs",
  deletions: "Deletions",
  services: "Services",
  rules: "Rules",
  "not-found": "Not found",
};

export function App() {
  const route = useRoute();
  useRefreshWhenJobsFinish();

  useEffect(() => {
    document.title = `${titles[route.page]} · Cleanup`;
    window.scrollTo(0, 0);
  }, [route.page]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        Skip to content
      </a>
      <Header route={route} />
      <main id="main" className="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "leaving-soon":
      return <LeavingSoonPage />;
    case "item":
      return <ItemDetailPage key={route.id} id={route.id} />;
    case "jobs":
      return <JobsPage />;
    case "deletions":
      return <DeletionsPage page={route.pageNumber} />;
    case "services":
      return <ServicesPage />;
    case "rules":
      return <RulesPage />;
    case "not-found":
      return (
        <>
          <h1>Page not found</h1>
          <EmptyState title={`Nothing lives at ${route.path}`}>
            <Link to={{ page: "leaving-soon" }}>Go to Leaving soon</Link>
          </EmptyState>
        </>
      );
  }
}
