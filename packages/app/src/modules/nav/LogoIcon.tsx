import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 28,
    height: 28,
    flexShrink: 0,
  },
  rack: {
    fill: '#7df3e1',
  },
  light: {
    fill: '#171717',
  },
});

/** The portal's mark: a rack of three servers, each with its status light. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 28 28"
      aria-hidden="true"
    >
      {[2, 11, 20].map(y => (
        <g key={y}>
          <rect
            className={classes.rack}
            x="2"
            y={y}
            width="24"
            height="7"
            rx="2"
          />
          <circle className={classes.light} cx="7" cy={y + 3.5} r="1.5" />
        </g>
      ))}
    </svg>
  );
};
