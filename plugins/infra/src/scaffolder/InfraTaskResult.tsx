import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link, MarkdownContent } from '@backstage/core-components';
import type { ScaffolderTaskOutput } from '@backstage/plugin-scaffolder-react';

/** What the infra templates put in their task output besides links and text. */
interface InfraTaskOutput {
  publisher?: string;
  pullRequestTitle?: string;
  branchName?: string;
  pullRequestBody?: string;
  generated?: Array<{ path: string; content: string }>;
}

const useStyles = makeStyles(theme => ({
  verdict: {
    borderLeft: `6px solid ${theme.palette.warning.main}`,
  },
  published: {
    borderLeft: `6px solid ${theme.palette.success.main}`,
  },
  file: {
    margin: 0,
    padding: theme.spacing(1.5),
    overflowX: 'auto',
    fontSize: '0.8rem',
    background: theme.palette.background.default,
  },
}));

function GeneratedFiles(props: { files: InfraTaskOutput['generated'] }) {
  const classes = useStyles();
  if (!props.files?.length) return null;
  return (
    <InfoCard title={`Generated files (${props.files.length})`}>
      {props.files.map(f => (
        <Box key={f.path} mb={2}>
          <details>
            <summary>
              <Typography component="span" variant="body2">
                <code>{f.path}</code>
              </Typography>
            </summary>
            <pre className={classes.file}>{f.content}</pre>
          </details>
        </Box>
      ))}
    </InfoCard>
  );
}

/**
 * The result page of the infra templates (new app, add ingress). The verdict
 * comes first: the pull request that was opened, or "Not published" when no
 * forge is configured, which is not a failure (Backstage's task model has
 * no status for it, so the task completes and this says what happened).
 * Then the pull request text and the generated files.
 */
export function InfraTaskResult(props: { output?: ScaffolderTaskOutput }) {
  const classes = useStyles();
  const output = props.output as
    | (ScaffolderTaskOutput & InfraTaskOutput)
    | undefined;
  if (!output) return null;
  const prUrl = output.links?.find(l => l.url)?.url;
  const notPublished = output.publisher === 'none';
  return (
    <Box pb={2}>
      <Box pb={2}>
        <Paper className={notPublished ? classes.verdict : classes.published}>
          <Box p={2}>
            {notPublished ? (
              <>
                <Typography variant="h5" component="h2">
                  Not published
                </Typography>
                <Typography variant="body1" paragraph>
                  The stack was generated and passed every check, but no pull
                  request was opened: the portal has no forge (Forgejo or
                  GitHub) to open it on. Nothing was pushed.
                </Typography>
                <Typography variant="body1" paragraph>
                  Ask the portal admins to connect the infra repo, then run the
                  wizard again. Or open the pull request yourself: a branch{' '}
                  <code>{output.branchName}</code> with the files below, titled
                  “{output.pullRequestTitle}”, with the text below as its
                  description.
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  For the admin: set <code>scaffolder.infra.forgejo</code>{' '}
                  (baseUrl, owner, repo, token) or{' '}
                  <code>scaffolder.infra.github</code> (repoUrl); see the portal
                  docs, Scaffolder, Publishing.
                </Typography>
              </>
            ) : (
              <>
                <Typography variant="h5" component="h2">
                  Pull request opened
                </Typography>
                <Typography variant="body1">
                  {prUrl ? (
                    <Link to={prUrl}>{output.pullRequestTitle ?? prUrl}</Link>
                  ) : (
                    output.pullRequestTitle
                  )}
                  {output.branchName ? (
                    <>
                      {' '}
                      on branch <code>{output.branchName}</code>
                    </>
                  ) : null}
                  . Nothing is applied until it is reviewed and merged.
                </Typography>
              </>
            )}
          </Box>
        </Paper>
      </Box>
      {output.pullRequestBody ? (
        <Box pb={2}>
          <InfoCard title="The pull request text">
            <MarkdownContent content={output.pullRequestBody} />
          </InfoCard>
        </Box>
      ) : null}
      <GeneratedFiles files={output.generated} />
    </Box>
  );
}
